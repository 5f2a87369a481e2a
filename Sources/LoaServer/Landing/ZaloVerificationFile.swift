import Hummingbird

/// `GET /zalo_verifier{CODE}.html`: the file Zalo's domain verification asks to find at the site's
/// root (gateways.md §13), served from `[server] zalo_site_verification` instead of a file on disk.
///
/// Its content is the shape of the file Zalo hands out: a head holding the code in a
/// `zalo-platform-site-verification` meta tag. Any other code is an ordinary 404.
enum ZaloVerificationFile {
    /// The path the file answers at for `code`.
    static func path(code: String) -> String { "/zalo_verifier\(code).html" }

    static func html(code: String) -> String {
        // The configuration only admits letters, digits, '-' and '_' (LoaConfiguration), so the code
        // needs no escaping; it is escaped anyway.
        let code = HTML.escape(code)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta property="zalo-platform-site-verification" content="\(code)" />
            </head>
            <body>
            There Is No Limit To What You Can Accomplish Using Zalo!
            </body>
            </html>

            """
    }
}
