import LoaCore
import Testing

/// The open rule (SPEC §2 "Opened"): only a person's browser loading the page's stylesheet after
/// the page counts. Tests/LoaServerTests/LinkOpenTests.swift drives 40-odd real agents over a socket.
@Suite("Link visitors")
struct LinkVisitorTests {
    static let zaloAndroid = "Mozilla/5.0 (Linux; Android 12; SM-A127F) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
        + "Chrome/120.0.6099.230 Mobile Safari/537.36 Zalo android/12110601 ZaloTheme/light ZaloLanguage/vi"

    @Test("Only a GET of the stylesheet after the page, from a browser, opens")
    func rule() {
        let agent = Self.zaloAndroid
        #expect(LinkVisitor.opens(method: "GET", resource: .stylesheet, userAgent: agent, pageServed: true))
        #expect(LinkVisitor.opens(method: "get", resource: .stylesheet, userAgent: agent, pageServed: true))
        #expect(!LinkVisitor.opens(method: "GET", resource: .page, userAgent: agent, pageServed: true), "the page alone is what fetchers read")
        #expect(!LinkVisitor.opens(method: "GET", resource: .stylesheet, userAgent: agent, pageServed: false), "no page served before")
        #expect(!LinkVisitor.opens(method: "HEAD", resource: .stylesheet, userAgent: agent, pageServed: true))
        #expect(!LinkVisitor.opens(method: "GET", resource: .stylesheet, userAgent: nil, pageServed: true))
        #expect(!LinkVisitor.opens(method: "GET", resource: .stylesheet, userAgent: "", pageServed: true))
    }

    @Test("In-app browsers are people; their app names are no fetcher marks", arguments: [
        zaloAndroid,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/536 ZaloTheme/light ZaloLanguage/vn",
        "Mozilla/5.0 (Linux; Android 13; SM-A536E Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/442.0.0.33.113;]",
        "Mozilla/5.0 (Linux; Android 11; CPH2239) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/118.0.244 Chrome/112.0.5615.244 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    ])
    func people(agent: String) {
        #expect(!LinkVisitor.isKnownFetcher(agent))
    }

    @Test("Fetchers, crawlers and scripts are known", arguments: [
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)", "curl/7.88.1",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36",
    ])
    func fetchers(agent: String) {
        #expect(LinkVisitor.isKnownFetcher(agent))
    }
}
