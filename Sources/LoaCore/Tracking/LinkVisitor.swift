/// Tells a resident's visit to their link from a machine's (SPEC §5): HEAD requests and the
/// link-preview fetchers of chat apps and social networks never count as opened.
public enum LinkVisitor {
    /// Lower-cased fragments of the User-Agents that fetch links to draw previews or check them.
    public static let previewAgents = [
        "zalo", "facebookexternalhit", "facebot", "meta-externalagent", "googlebot", "google-pagerenderer",
        "googleother", "apis-google", "feedfetcher-google", "google-inspectiontool", "twitterbot", "x-bot",
        "slackbot", "slack-imgproxy", "whatsapp", "telegrambot", "viber", "skypeuripreview", "discordbot",
        "linkedinbot", "pinterest", "bingbot", "bingpreview", "yandex", "baiduspider", "applebot",
        "embedly", "iframely", "outbrain", "quora link preview", "redditbot", "mastodon", "bot/", "crawler",
        "spider", "preview", "curl/", "wget/", "python-requests", "go-http-client", "headlesschrome",
    ]

    /// Whether a request with this method and User-Agent may count as the resident opening the link.
    public static func isHumanOpen(method: String, userAgent: String?) -> Bool {
        guard method.uppercased() == "GET" else { return false }
        guard let agent = userAgent?.lowercased(), !agent.isEmpty else { return false }
        return !previewAgents.contains { agent.contains($0) }
    }
}
