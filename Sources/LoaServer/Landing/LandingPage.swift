import Hummingbird

/// The public page at `/` for anyone not signed in (issue 17 §2): the commune's name, one line on
/// what Loa is, a link to sign in, and Zalo's domain-verification meta tag when configured.
///
/// Zalo accepts a webhook URL only on a domain whose home page carries
/// `<meta name="zalo-platform-site-verification" content="CODE" />` or whose root serves the file
/// it hands out (gateways.md §13), so this page never redirects.
struct LandingPage: Sendable {
    let communeName: String
    let verificationCode: String?

    init(setup: ServerSetup) {
        communeName = setup.configuration.commune.name
        verificationCode = setup.configuration.server.zaloSiteVerification
    }

    /// The page in Vietnamese, English with `?lang=en` (or the language cookie). `authorizationCode`
    /// is the `code` Zalo's OAuth consent put in the address (gateways.md §2), shown with the command
    /// that stores its token pair.
    func response(english: Bool, authorizationCode: String? = nil, head: Bool = false) -> Response {
        let name = HTML.escape(communeName)
        let meta = verificationCode.map { "\n<meta name=\"zalo-platform-site-verification\" content=\"\(HTML.escape($0))\" />" } ?? ""
        let lines = english ? Self.english : Self.vietnamese
        let code = authorizationCode.map { HTML.escape(String($0.prefix(512))) }.map {
            "\n<p>\(lines.codeIntro)</p>\n<pre>loa channels authorize KÊNH --code \($0)</pre>"
        } ?? ""
        let html = """
            <!doctype html>
            <html lang="\(english ? "en" : "vi")">
            <head>
            <meta charset="utf-8">\(meta)
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Loa – \(name)</title>
            <style>
            body{font:18px/1.5 sans-serif;margin:0;color:#111}
            header{background:#8b0000;color:#fff;padding:12px 20px;font-weight:bold;font-size:22px}
            main{padding:16px 20px;max-width:40em}
            a.button{display:inline-block;background:#0a6b2d;color:#fff;border-radius:6px;padding:10px 18px;text-decoration:none}
            .muted{color:#666;font-size:15px} pre{white-space:pre-wrap;background:#f4f4f4;padding:8px}
            </style>
            </head>
            <body>
            <header>Loa · \(name)</header>
            <main>
            <p>\(lines.about.replacingOccurrences(of: "{commune}", with: name))</p>
            <p>\(lines.residents)</p>\(code)
            <p><a class="button" href="/login\(english ? "?lang=en" : "")">\(lines.signIn)</a></p>
            <p class="muted"><a href="?lang=\(english ? "vi" : "en")">\(lines.otherLanguage)</a></p>
            </main>
            </body>
            </html>

            """
        return Responses.html(html, head: head)
    }

    struct Lines {
        let about: String
        let residents: String
        let signIn: String
        let otherLanguage: String
        let codeIntro: String
    }

    static let vietnamese = Lines(
        about: "Loa là hệ thống gửi thông báo và giấy mời họp của {commune} tới người dân qua Zalo và tin nhắn SMS.",
        residents: "Người dân nhận thông báo qua đường liên kết riêng trong tin nhắn; không cần đăng nhập.",
        signIn: "Cán bộ đăng nhập", otherLanguage: "English",
        codeIntro: "Zalo đã cấp mã ủy quyền cho OA. Trong vòng 10 phút, cán bộ quản trị chạy lệnh sau (thay KÊNH bằng tên kênh Zalo):")

    static let english = Lines(
        about: "Loa sends {commune}'s notices and meeting invitations to residents over Zalo and SMS.",
        residents: "Residents read each notice through the personal link in their message; they never sign in.",
        signIn: "Staff sign-in", otherLanguage: "Tiếng Việt",
        codeIntro: "Zalo issued an authorisation code for the OA. Within 10 minutes, the administrator runs (KÊNH is the Zalo channel's name):")
}
