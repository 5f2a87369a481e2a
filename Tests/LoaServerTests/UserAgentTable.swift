/// Real User-Agents of the clients that fetch a resident's link, with how each behaves and whether
/// it is a person opening. Labels say where the agent comes from; gateways.md §10 and §13 hold the
/// facts (Zalo's in-app browser names itself `Zalo android/…`, `Zalo iOS/…`; Zalo's link-preview
/// fetcher's agent is undocumented, so it is played by a plain browser agent that reads HTML only).
enum LinkVisitorAgents {
    static let zaloAndroid = "Mozilla/5.0 (Linux; Android 12; SM-A127F) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
        + "Chrome/120.0.6099.230 Mobile Safari/537.36 Zalo android/12110601 ZaloTheme/light ZaloLanguage/vi"
}

enum UserAgentTable {
    typealias Case = LinkOpenTests.Case

    static let people: [Case] = [
        person("Zalo in-app, Android (issue 16's sample)", LinkVisitorAgents.zaloAndroid),
        person("Zalo in-app, iOS", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/536 ZaloTheme/light ZaloLanguage/vn"),
        person("Zalo in-app, Android WebView, dark theme", "Mozilla/5.0 (Linux; Android 9; Redmi 7A Build/PKQ1.190319.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/108.0.5359.128 Mobile Safari/537.36 Zalo android/22090701 ZaloTheme/dark ZaloLanguage/vi"),
        person("Zalo PC (Electron)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ZaloPC-win32-24v458 Chrome/118.0.5993.159 Electron/27.1.3 Safari/537.36"),
        person("Facebook in-app, Android (FB_IAB/FB4A)", "Mozilla/5.0 (Linux; Android 13; SM-A536E Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/442.0.0.33.113;]"),
        person("Facebook in-app, iOS (FBAN/FBIOS)", "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBDV/iPhone12,1;FBMD/iPhone;FBSN/iOS;FBSV/16.6;FBSS/2;FBID/phone;FBLC/vi_VN;FBOP/5]"),
        person("Messenger in-app, Android (Orca)", "Mozilla/5.0 (Linux; Android 11; Redmi Note 8 Build/RKQ1.201004.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/118.0.5993.111 Mobile Safari/537.36 [FB_IAB/Orca-Android;FBAV/436.0.0.11.110;]"),
        person("Messenger in-app, iOS", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 LightSpeed [FBAN/MessengerLiteForiOS;FBAV/432.0.0.28.108;FBDV/iPhone13,2;FBMD/iPhone;FBSN/iOS;FBSV/17.0;FBSS/3;FBID/phone;FBLC/vi;FBOP/0]"),
        person("Instagram in-app, Android", "Mozilla/5.0 (Linux; Android 12; SM-A325F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/117.0.5938.153 Mobile Safari/537.36 Instagram 303.0.0.40.109 Android (31/12; 300dpi; 720x1465; samsung; SM-A325F; a32; mt6769t; vi_VN; 522046126)"),
        person("TikTok in-app, Android (BytedanceWebview)", "Mozilla/5.0 (Linux; Android 12; V2111 Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 trill_310503 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/31.5.3 ByteLocale/vi Region/VN BytedanceWebview/d8a21c6"),
        person("Chrome, Android (reduced UA)", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"),
        person("Safari, iPhone", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1"),
        person("Samsung Internet", "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36"),
        person("Cốc Cốc, Android", "Mozilla/5.0 (Linux; Android 11; CPH2239) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/118.0.244 Chrome/112.0.5615.244 Mobile Safari/537.36"),
        person("Cốc Cốc, Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.200 Chrome/111.0.5563.200 Safari/537.36"),
        person("Old Android WebView (; wv), Android 5", "Mozilla/5.0 (Linux; Android 5.1.1; SM-J111F Build/LMY47V; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/43.0.2357.121 Mobile Safari/537.36"),
        person("Stock browser, Android 4.4", "Mozilla/5.0 (Linux; U; Android 4.4.2; vi-vn; SM-G350E Build/KOT49H) AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30"),
        person("MIUI Browser, Xiaomi", "Mozilla/5.0 (Linux; U; Android 12; vi-vn; Redmi Note 11 Build/SKQ1.211103.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.127 Mobile Safari/537.36 XiaoMi/MiuiBrowser/13.23.1-gn"),
        person("UC Browser, Android", "Mozilla/5.0 (Linux; U; Android 9; vi-VN; Redmi 8A Build/PKQ1.190319.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/78.0.3904.108 UCBrowser/13.4.0.1306 Mobile Safari/537.36"),
        person("Opera Mini (its server loads the page for the phone)", "Opera/9.80 (Android; Opera Mini/36.2.2254/119.132; U; vi) Presto/2.12.423 Version/12.16"),
        person("Firefox, Android", "Mozilla/5.0 (Android 13; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0"),
        person("Chrome, Windows (the office PC)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"),
        person("Edge, Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.61"),
        person("CUBOT phone (model name holds 'bot')", "Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"),
    ]

    static let machines: [Case] = [
        fetcher("Zalo's link preview (agent undocumented: a browser agent reading HTML only)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"),
        fetcher("Facebook/Messenger preview (facebookexternalhit)", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
        fetcher("Meta crawler (meta-externalagent)", "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)"),
        fetcher("iMessage preview", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0"),
        fetcher("Telegram preview", "TelegramBot (like TwitterBot)"),
        fetcher("WhatsApp preview", "WhatsApp/2.23.20.0 A"),
        fetcher("Slack unfurl", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"),
        fetcher("Discord embed", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)"),
        fetcher("Skype preview", "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5"),
        fetcher("X/Twitter card", "Twitterbot/1.0"),
        fetcher("LinkedIn preview", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"),
        fetcher("Googlebot", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
        fetcher("Cốc Cốc search crawler", "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)"),
        // Clients that load the stylesheet too: the agent list is the second line.
        renderer("Google page renderer (the agent of Twilio's sample click event)", "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/41.0.2272.96 Mobile Safari/537.36 (compatible; Google-PageRenderer Google (+https://developers.google.com/+/web/snippet/))"),
        renderer("Headless Chrome scanner", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36"),
        renderer("curl fetching page and stylesheet", "curl/7.88.1"),
        renderer("Wget", "Wget/1.21.3"),
        renderer("python-requests script", "python-requests/2.31.0"),
        renderer("Go program", "Go-http-client/1.1"),
        renderer("Android app's OkHttp", "okhttp/4.12.0"),
        renderer("No User-Agent at all", ""),
        Case(label: "HEAD from Zalo's in-app agent, then the stylesheet", agent: LinkVisitorAgents.zaloAndroid, behaviour: .headThenStylesheet, opens: false),
        Case(label: "Stylesheet alone from a browser agent, no page before", agent: LinkVisitorAgents.zaloAndroid, behaviour: .stylesheetOnly, opens: false),
    ]

    static let cases = people + machines

    private static func person(_ label: String, _ agent: String) -> Case {
        Case(label: label, agent: agent, behaviour: .browser, opens: true)
    }

    private static func fetcher(_ label: String, _ agent: String) -> Case {
        Case(label: label, agent: agent, behaviour: .htmlOnly, opens: false)
    }

    private static func renderer(_ label: String, _ agent: String) -> Case {
        Case(label: label, agent: agent, behaviour: .browser, opens: false)
    }
}
