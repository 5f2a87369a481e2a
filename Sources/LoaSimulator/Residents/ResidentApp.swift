/// The kind of app in which a simulated resident read their link, as counted in
/// ``SimulatorStats/residentsOpenedByApp``.
public enum ResidentApp: String, Sendable, Hashable, Codable, CaseIterable {
    /// Zalo's in-app browser (`Zalo android/…`, `Zalo iOS/…`).
    case zalo
    /// Facebook's or Messenger's in-app browser (`[FB_IAB/…]`, `[FBAN/…]`).
    case facebook
    /// Any other browser: Chrome, Safari, Samsung Internet, Cốc Cốc, an app's plain WebView.
    case browser
}
