import LoaConfig
import Testing

/// `free_text` and `[[channels.templates]]` (SPEC §4): registered SMS templates in `loa.toml`.
@Suite("SMS template configuration")
struct SMSTemplateConfigTests {
    static let esms = "[[channels]]\nname = \"sms\"\nkind = \"esms\"\napi_key = \"k\"\nsecret_key = \"s\"\nbrandname = \"UBNDHAILANG\"\n"

    static func template(_ name: String, _ text: String) -> String {
        "[[channels.templates]]\nname = \"\(name)\"\ntext = \"\(text)\"\n"
    }

    @Test
    func templatesAreReadInOrderWithTheirSlots() throws {
        let text = "[commune]\nname = \"Xã Hải Lạng\"\n[limits]\nsms_segments = 3\n" + Self.esms
            + Self.template("hop", "UBND {commune} moi ong/ba {name:30} du {title} luc {meeting_at} tai {place}. Xac nhan: {link}")
            + Self.template("thong-bao", "UBND {commune} thong bao: {title}. Chi tiet: {link}")
        let channel = try #require(try LoaConfiguration.parse(text, environment: [:]).channels.first)
        #expect(!channel.freeText)
        #expect(channel.templates.map(\.name) == ["hop", "thong-bao"])
        let hop = channel.templates[0]
        #expect(hop.slots.map(\.placeholder) == [.commune, .name, .title, .meetingAt, .place, .link])
        #expect(hop.slots[1] == SMSSlot(.name, maxLength: 30) && hop.slots[0].maxLength == nil)
        #expect(hop.parts.first == .literal("UBND "))
        #expect(channel.communeName == "Xã Hải Lạng" && channel.maxSegments == 3)
    }

    @Test(arguments: [("esms", false), ("speedsms", false), ("kannel", true), ("twilio", true), ("webhook", true)])
    func freeTextDefaultsByKind(kind: String, freeText: Bool) {
        #expect(ChannelKind(rawValue: kind)?.freeTextByDefault == freeText)
    }

    @Test
    func aKannelBrandnameRouteMayOptIntoTemplates() throws {
        let text = "[[channels]]\nname = \"sms\"\nkind = \"kannel\"\nbase_url = \"http://127.0.0.1:13013\"\n"
            + "username = \"u\"\npassword = \"p\"\nfree_text = false\n" + Self.template("tb", "Thong bao: {title}")
        let channel = try #require(try LoaConfiguration.parse(text, environment: [:]).channels.first)
        #expect(!channel.freeText && channel.templates.count == 1)
    }

    static let bad: [(String, String)] = [
        (Self.esms, "channels[0].templates: channel 'sms' (esms) sends only carrier-registered texts: add a [[channels.templates]]"),
        ("[[channels]]\nname = \"sms\"\nkind = \"speedsms\"\naccess_token = \"t\"\n", "channel 'sms' (speedsms) sends only carrier-registered texts"),
        (Self.esms + Self.template("hop", "Moi {ten} du hop"), "channels[0].templates[0].text: channel 'sms', template 'hop': unknown placeholder {ten}; expected one of {commune}"),
        (Self.esms + Self.template("hop", "Moi {name du hop"), "template 'hop': '{name du hop' is never closed with '}'"),
        (Self.esms + Self.template("hop", "Moi name} du hop"), "template 'hop': '}' without an opening '{'"),
        (Self.esms + Self.template("hop", "Moi {na{me}} du hop"), "template 'hop': '{' inside '{na'"),
        (Self.esms + Self.template("hop", "Moi {name:0} du hop"), "template 'hop': {name:0}: the slot length after ':' must be a whole number above 0"),
        (Self.esms + Self.template("hop", "Moi {name:abc} du hop"), "template 'hop': {name:abc}"),
        (Self.esms + Self.template("", "Moi {name}"), "channels[0].templates[0].name: channel 'sms': template 1 needs a name"),
        (Self.esms + Self.template("hop", "Moi {name}") + Self.template("hop", "Hop {title}"), "channels[0].templates[1].name: channel 'sms': template name 'hop' is used twice"),
        (Self.esms + Self.template("hop", " "), "channels[0].templates[0].text: channel 'sms', template 'hop': the registered text is missing"),
        (Self.esms + "[[channels.templates]]\nname = \"hop\"\ntext = \"x\"\nid = 3\n", "channels[0].templates[0].id: unknown key"),
        (Self.esms + "free_text = \"maybe\"\n", "channels[0].free_text: must be true or false"),
        ("[[channels]]\nname = \"hook\"\nkind = \"webhook\"\nurl = \"http://x\"\nfree_text = false\n", "a webhook sends its own JSON"),
        ("[[channels]]\nname = \"zalo\"\nkind = \"zalo-oa\"\napp_id = \"1\"\naccess_token = \"a\"\nsecret_key = \"s\"\nfree_text = true\n", "channels[0].free_text: unknown key"),
    ]

    @Test(arguments: bad)
    func badTemplatesNameChannelTemplateAndProblem(text: String, message: String) {
        do {
            _ = try LoaConfiguration.parse(text, environment: [:])
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(!error.description.contains("\n"), "one line: \(error.description)")
        }
    }

    @Test
    func freeTextChannelsNeedNoTemplates() throws {
        let configuration = try LoaConfiguration.parse(Self.esms + "free_text = true\n", environment: [:])
        let channel = try #require(configuration.channels.first)
        #expect(channel.freeText && channel.templates.isEmpty)
    }
}
