extension DashboardText {
    /// Words of the residents registry, import and export.
    static let residents = (vi: [String: String](), en: [String: String]())
}
