/// A link-preview fetcher: the robot a messaging or social app sends to read a shared link's
/// title and image. It reads the HTML only: no stylesheet, no image, no form.
struct PreviewAgent: Sendable {
    /// The `User-Agent` header.
    let userAgent: String
    /// Relative frequency in the table (the weights sum to 100).
    let weight: Int

    /// The fetchers, weighted for a commune reached mostly through Zalo (whose previewer fetches
    /// every link in a chat) and for links re-shared on Facebook, Telegram, WhatsApp and others.
    static let table: [PreviewAgent] = [
        // Zalo's previewer does not document its agent; it reads like a desktop browser with no app
        // marker, which is exactly what a User-Agent list cannot tell from a person.
        PreviewAgent(
            userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36",
            weight: 40),
        PreviewAgent(userAgent: "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", weight: 20),
        PreviewAgent(
            userAgent: "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)",
            weight: 5),
        PreviewAgent(userAgent: "TelegramBot (like TwitterBot)", weight: 12),
        PreviewAgent(userAgent: "WhatsApp/2.23.20.0", weight: 12),
        PreviewAgent(userAgent: "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", weight: 5),
        PreviewAgent(userAgent: "Twitterbot/1.0", weight: 6),
    ]

    /// The share of fetches that start with a `HEAD` to check the link before reading it.
    static let headShare = 0.25

    /// The fetcher that previews the message `subject`, drawn by weight.
    static func draw(_ dice: Dice, _ subject: String) -> PreviewAgent {
        dice.pick(from: table, weight: \.weight, .previewAgent, subject)
    }
}
