extension DashboardText {
    /// Words of the notice pages, lists, forms and the audit log as templates.
    static let pages = (vi: [String: String](), en: [String: String]())
}
