extension DashboardText {
    /// Words of door-to-door follow-up, replies and channels.
    static let followUp = (vi: [String: String](), en: [String: String]())
}
