/// A phone client a simulated resident reads their link in: its User-Agent, the app family it
/// belongs to, and how often Vietnamese residents use it.
///
/// The strings follow the formats these clients send (an Android WebView says `Version/4.0` and
/// usually `; wv)`; an in-app browser appends its app's marker). The weights are the simulator's
/// assumption for a commune reached mostly through Zalo: about 70 % of opens happen inside Zalo,
/// a tenth inside Facebook or Messenger, the rest in a phone's own browser.
struct ResidentAgent: Sendable {
    /// The `User-Agent` header.
    let userAgent: String
    /// Which family of app it is.
    let app: ResidentApp
    /// Relative frequency in the table (the weights sum to 100).
    let weight: Int
    /// The app's package name, which Android WebViews send as `X-Requested-With`.
    let requestedWith: String?

    /// Every agent, Zalo first.
    static let table: [ResidentAgent] = [
        // Zalo's in-app browser on Android and iOS.
        ResidentAgent(
            userAgent: "Mozilla/5.0 (Linux; Android 12; SM-A127F) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 Zalo android/12110601 ZaloTheme/light "
                + "ZaloLanguage/vi",
            app: .zalo, weight: 25, requestedWith: "com.zing.zalo"),
        ResidentAgent(
            userAgent: "Mozilla/5.0 (Linux; Android 13; 23053RN02A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.193 Mobile Safari/537.36 Zalo android/12100550 "
                + "ZaloTheme/dark ZaloLanguage/vi",
            app: .zalo, weight: 17, requestedWith: "com.zing.zalo"),
        ResidentAgent(
            userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Mobile/15E148 Zalo iOS/536 ZaloTheme/light ZaloLanguage/vn",
            app: .zalo, weight: 28, requestedWith: nil),
        // Facebook and Messenger in-app browsers.
        ResidentAgent(
            userAgent: "Mozilla/5.0 (Linux; Android 12; SM-A325F Build/SP1A.210812.016; wv) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 "
                + "[FB_IAB/FB4A;FBAV/442.0.0.35.117;]",
            app: .facebook, weight: 5, requestedWith: "com.facebook.katana"),
        ResidentAgent(
            userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Mobile/15E148 [FBAN/FBIOS;FBAV/441.0.0.23.105;FBBV/540234523;FBDV/iPhone12,1;FBMD/iPhone;"
                + "FBSN/iOS;FBSV/16.6;FBSS/2;FBID/phone;FBLC/vi_VN;FBOP/5;FBRV/541789012]",
            app: .facebook, weight: 3, requestedWith: nil),
        ResidentAgent(
            userAgent: "Mozilla/5.0 (Linux; Android 11; RMX2189 Build/RP1A.200720.011; wv) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Version/4.0 Chrome/118.0.5993.111 Mobile Safari/537.36 "
                + "[FB_IAB/Orca-Android;FBAV/433.0.0.34.109;]",
            app: .facebook, weight: 3, requestedWith: "com.facebook.orca"),
        // The phone's own browsers.
        ResidentAgent(
            userAgent: "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/124.0.0.0 Mobile Safari/537.36",
            app: .browser, weight: 7, requestedWith: nil),
        ResidentAgent(
            userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.4 Mobile/15E148 Safari/604.1",
            app: .browser, weight: 5, requestedWith: nil),
        ResidentAgent(
            userAgent: "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
            app: .browser, weight: 3, requestedWith: nil),
        ResidentAgent(
            userAgent: "Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "coc_coc_browser/117.0.240 Chrome/111.0.5563.240 Mobile Safari/537.36",
            app: .browser, weight: 2, requestedWith: nil),
        // An old phone's plain WebView, inside an app that shows links itself.
        ResidentAgent(
            userAgent: "Mozilla/5.0 (Linux; Android 8.1.0; vivo 1820 Build/O11019; wv) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Version/4.0 Chrome/87.0.4280.141 Mobile Safari/537.36",
            app: .browser, weight: 2, requestedWith: nil),
    ]

    /// The agent of the resident who reads the message `subject`, drawn by weight.
    static func draw(_ dice: Dice, _ subject: String) -> ResidentAgent {
        dice.pick(from: table, weight: \.weight, .agent, subject)
    }
}
