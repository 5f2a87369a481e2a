extension DashboardText {
    /// Words of accounts, sign-in with phone and password or one-time code.
    static let accounts = (vi: [String: String](), en: [String: String]())
}
