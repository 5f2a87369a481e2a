/// Tells a person opening their link from a machine fetching it (SPEC §2 "Opened", §5). The whole
/// rule lives here; the README states it in the same words.
///
/// 1. The signal: a person's browser, whatever app it runs in (Zalo's in-app browser, Facebook's
///    and Messenger's, Chrome, Safari, Samsung Internet, Cốc Cốc, an Android WebView), loads the
///    page's own stylesheet `/m/{token}/s.css` to draw the page. Link-preview fetchers, scanners
///    and scripts read the HTML alone. So only a GET of that stylesheet can count as an open.
/// 2. It counts only after the page itself was served for that link (a GET of `/m/{token}`).
/// 3. Second line, for headless renderers that do load stylesheets: a request whose User-Agent is
///    empty or names a known fetcher, crawler, scanner or HTTP library never counts.
///
/// HEAD never counts, and neither does anything on a cancelled or expired message (the routes check).
public enum LinkVisitor {
    /// What a request under `/m/{token}` asked for.
    public enum Resource: Sendable {
        /// The page itself, `/m/{token}`.
        case page
        /// The page's own stylesheet, `/m/{token}/s.css`.
        case stylesheet
    }

    /// The stylesheet's file name under `/m/{token}/`.
    public static let stylesheetName = "s.css"

    /// Whether this request is the resident opening their link.
    ///
    /// - Parameter pageServed: whether the page of the same link was served before this request.
    public static func opens(method: String, resource: Resource, userAgent: String?, pageServed: Bool) -> Bool {
        guard method.uppercased() == "GET", resource == .stylesheet, pageServed else { return false }
        return !isKnownFetcher(userAgent)
    }

    /// Whether the User-Agent is empty or names a fetcher, crawler, scanner or script.
    public static func isKnownFetcher(_ userAgent: String?) -> Bool {
        guard let agent = userAgent?.lowercased(), !agent.isEmpty else { return true }
        return fetcherAgents.contains { agent.contains($0) }
    }

    /// Lower-cased fragments of the User-Agents of link-preview fetchers, crawlers, scanners and
    /// HTTP libraries. No fragment may occur in a person's browser: in-app browsers name their app
    /// (`Zalo android/…`, `FBAV/…`, `Instagram …`), so app names alone are not listed.
    public static let fetcherAgents = [
        // Link previews of chat apps and social networks.
        "facebookexternalhit", "facebookcatalog", "facebot", "meta-externalagent", "meta-externalfetcher",
        "twitterbot", "slackbot", "slack-imgproxy", "whatsapp/", "telegrambot", "discordbot", "skypeuripreview",
        "linkedinbot", "pinterestbot", "redditbot", "embedly", "iframely", "quora link preview", "vkshare",
        "bitlybot", "tumblr/", "mastodon/", "line-poker", "applebot", "google-pagerenderer",
        "bingpreview", "preview",
        // Search and archive crawlers.
        "googlebot", "googleother", "apis-google", "feedfetcher-google", "google-inspectiontool", "adsbot-google",
        "mediapartners-google", "bingbot", "yandex", "baiduspider", "duckduckbot", "slurp", "sogou", "petalbot",
        "coccocbot", "ahrefsbot", "semrushbot", "mj12bot", "dotbot", "bytespider", "gptbot", "claudebot",
        "ccbot", "amazonbot", "ia_archiver", "archive.org_bot", "bot/", "crawler", "spider",
        // Scanners, headless browsers and HTTP libraries.
        "headlesschrome", "phantomjs", "lighthouse", "zgrab", "masscan", "nmap", "nuclei", "censysinspect", "curl/",
        "wget/", "python-requests", "python-urllib", "aiohttp", "httpx", "go-http-client", "okhttp", "java/",
        "apache-httpclient", "node-fetch", "axios/", "undici", "libwww-perl", "scrapy", "http.rb", "guzzlehttp",
        "postmanruntime", "insomnia",
    ]
}
