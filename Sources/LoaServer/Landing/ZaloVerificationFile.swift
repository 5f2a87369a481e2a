import Hummingbird
import Logging

/// `GET /zalo_verifier{CODE}.html`: the file Zalo's domain verification asks to find at the site's
/// root (gateways.md §13), served from `[server] zalo_site_verification` instead of a file on disk.
///
/// Its content (template `dashboard/zalo-verifier`) is the shape of the file Zalo hands out: a
/// head holding the code in a `zalo-platform-site-verification` meta tag. Any other code is an
/// ordinary 404.
enum ZaloVerificationFile {
    /// The path the file answers at for `code`.
    static func path(code: String) -> String { "/zalo_verifier\(code).html" }

    /// The file for `code` (the configuration only admits letters, digits, '-' and '_'; the
    /// template escapes it anyway); `head` answers a HEAD request.
    static func response(code: String, head: Bool = false, logger: Logger) -> Response {
        PageTemplates.response(
            "dashboard/zalo-verifier", text: DashboardText(english: true), title: "", commune: "", ["code": code], head: head,
            logger: logger)
    }
}
