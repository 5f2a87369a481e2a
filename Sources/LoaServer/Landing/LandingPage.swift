import Hummingbird
import Logging

/// The public page at `/` for anyone not signed in (issue 17 §2): the commune's name, one line on
/// what Loa is, a link to sign in, and Zalo's domain-verification meta tag when configured.
///
/// Zalo accepts a webhook URL only on a domain whose home page carries
/// `<meta name="zalo-platform-site-verification" content="CODE" />` or whose root serves the file
/// it hands out (gateways.md §13), so this page never redirects.
struct LandingPage: Sendable {
    let communeName: String
    let verificationCode: String?
    let logger: Logger

    init(setup: ServerSetup) {
        communeName = setup.configuration.commune.name
        verificationCode = setup.configuration.server.zaloSiteVerification
        logger = setup.logger
    }

    /// The page (template `dashboard/landing`) in Vietnamese, English with `?lang=en` (or the
    /// language cookie). `authorizationCode` is the `code` Zalo's OAuth consent put in the address
    /// (gateways.md §2), shown with the command that stores its token pair.
    func response(english: Bool, authorizationCode: String? = nil, head: Bool = false) -> Response {
        let text = DashboardText(english: english)
        var values: [String: Any] = [
            "about": text["landing.about"].replacingOccurrences(of: "{commune}", with: communeName),
            "signIn": english ? "/login?lang=en" : "/login", "otherLang": english ? "vi" : "en",
        ]
        if let verificationCode { values["verification"] = verificationCode }
        if let authorizationCode { values["code"] = String(authorizationCode.prefix(512)) }
        return PageTemplates.response(
            "dashboard/landing", text: text, title: "Loa", commune: communeName, values, head: head, logger: logger)
    }
}
