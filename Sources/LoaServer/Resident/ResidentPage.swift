import Foundation
import LoaCore
import LoaStore

/// The resident's page (SPEC §5): the notice in Vietnamese, large type, readable on a cheap phone
/// without JavaScript, and one big confirm button for convocations.
struct ResidentPage {
    let commune: String
    let zone: TimeZone

    /// What the page says beside the notice.
    enum Status {
        case open(ackPath: String?)
        case acknowledged(Date?)
        case cancelled
        case closed
    }

    func notice(_ target: LinkTarget, status: Status, token: String) -> String {
        let draft = target.notice.draft
        var body = "<p class=\"to\">Kính gửi: <strong>\(HTML.escape(target.residentName))</strong></p>\n"
        body += "<h1>\(HTML.escape(draft.title))</h1>\n"
        if draft.kind == .convocation, let meeting = draft.meetingAt ?? draft.expiresAt {
            body += "<p class=\"meta\">Thời gian: <strong>\(HTML.vietnameseTime(meeting, in: zone))</strong></p>\n"
        }
        if let place = draft.place, !place.isEmpty {
            body += "<p class=\"meta\">Địa điểm: <strong>\(HTML.escape(place))</strong></p>\n"
        }
        body += HTML.paragraphs(draft.body) + "\n"
        switch status {
        case .open(let ackPath?):
            body += """
                <form method="post" action="\(HTML.escape(ackPath))">
                <button type="submit">Xác nhận đã nhận</button>
                </form>
                <p class="hint">Bấm nút trên để báo cho \(HTML.escape(commune)) biết bà con đã nhận được thông báo.</p>

                """
        case .open(nil):
            break
        case .acknowledged(let time):
            let when = time.map { " lúc " + HTML.vietnameseTime($0, in: zone) } ?? ""
            body += "<p class=\"done\">✔ Bà con đã xác nhận\(when). Xin cảm ơn!</p>\n"
        case .cancelled:
            body += "<p class=\"warn\">Thông báo này đã được hủy.</p>\n"
        case .closed:
            body += "<p class=\"warn\">Thông báo này đã hết hạn.</p>\n"
        }
        return page(title: draft.title, body: body, token: token)
    }

    func thanks(_ target: LinkTarget, token: String) -> String {
        page(
            title: "Đã xác nhận",
            body: """
                <h1>Xin cảm ơn!</h1>
                <p class="done">✔ \(HTML.escape(commune)) đã nhận được xác nhận của bà con cho thông báo
                «\(HTML.escape(target.notice.draft.title))».</p>

                """, token: token)
    }

    func message(title: String, text: String) -> String {
        page(title: title, body: "<h1>\(HTML.escape(title))</h1>\n<p>\(HTML.escape(text))</p>\n", token: nil)
    }

    /// The pages' look: large type for older eyes, one wide button, nothing from outside.
    static let stylesheet = """
        body{margin:0;padding:16px;font:22px/1.5 sans-serif;color:#111;background:#fff;max-width:40em}
        header{font-size:18px;color:#444;border-bottom:3px solid #b00;padding-bottom:8px;margin-bottom:12px}
        h1{font-size:28px;line-height:1.3;margin:8px 0 12px}
        .meta{font-size:24px;margin:6px 0}
        button{display:block;width:100%;font-size:28px;padding:20px;margin:24px 0 8px;border:0;border-radius:10px;
        background:#0a6b2d;color:#fff}
        .hint{font-size:18px;color:#444}
        .done{font-size:24px;color:#0a6b2d;font-weight:bold}
        .warn{font-size:24px;color:#b00;font-weight:bold}

        """

    /// A page of the link `token`, styled by its own stylesheet (whose loading tells a person's
    /// browser, see `LinkVisitor`); without a token, by the same rules inline.
    private func page(title: String, body: String, token: String?) -> String {
        let style = token.map { "<link rel=\"stylesheet\" href=\"/m/\($0)/\(LinkVisitor.stylesheetName)\">" }
            ?? "<style>\n\(Self.stylesheet)</style>"
        return """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(HTML.escape(title)) – \(HTML.escape(commune))</title>
        \(style)
        </head>
        <body>
        <header>\(HTML.escape(commune))</header>
        \(body)</body>
        </html>

        """
    }
}
