import Foundation
import LoaCore
import Testing

@Suite("Channel policy")
struct ChannelPolicyTests {
    @Test("Parsing", arguments: [
        ("zalo>sms", ChannelPolicy.Mode.fallback, ["zalo", "sms"], "zalo>sms"),
        ("zalo+sms", .all, ["zalo", "sms"], "zalo+sms"),
        ("sms", .fallback, ["sms"], "sms"),
        (" Zalo > SMS ", .fallback, ["zalo", "sms"], "zalo>sms"),
        ("zalo-oa>zalo_zns>esms2", .fallback, ["zalo-oa", "zalo_zns", "esms2"], "zalo-oa>zalo_zns>esms2"),
        ("zalo + sms + webhook", .all, ["zalo", "sms", "webhook"], "zalo+sms+webhook"),
    ])
    func parsing(text: String, mode: ChannelPolicy.Mode, channels: [String], canonical: String) throws {
        let policy = try ChannelPolicy(parsing: text)
        #expect(policy.mode == mode)
        #expect(policy.channels == channels)
        #expect(policy.description == canonical)
        #expect(try ChannelPolicy(parsing: policy.description) == policy)
    }

    @Test("Errors", arguments: [
        ("", ChannelPolicyError.empty),
        ("   ", .empty),
        ("zalo>sms+webhook", .mixedSeparators("zalo>sms+webhook")),
        ("zalo>zalo", .duplicate("zalo>zalo", name: "zalo")),
        ("zalo+SMS+sms", .duplicate("zalo+SMS+sms", name: "sms")),
        ("zalo>", .emptyName("zalo>")),
        ("+sms", .emptyName("+sms")),
        ("zalo oa>sms", .invalidName("zalo oa>sms", name: "zalo oa")),
        ("zalo,sms", .invalidName("zalo,sms", name: "zalo,sms")),
        ("kênh", .invalidName("kênh", name: "kênh")),
    ])
    func errors(text: String, error: ChannelPolicyError) {
        #expect(throws: error) { try ChannelPolicy(parsing: text) }
        #expect(!error.description.isEmpty)
    }

    @Test("A single channel is a chain of one, whichever mode it was built with")
    func singleChannel() throws {
        #expect(try ChannelPolicy(["sms"], mode: .all) == ChannelPolicy(parsing: "sms"))
    }

    @Test("Codable as the text form")
    func codable() throws {
        let policy = try ChannelPolicy(parsing: "zalo>sms")
        let json = try JSONEncoder().encode([policy])
        #expect(String(decoding: json, as: UTF8.self) == #"["zalo>sms"]"#)
        #expect(try JSONDecoder().decode([ChannelPolicy].self, from: json) == [policy])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ChannelPolicy].self, from: Data(#"["a>b+c"]"#.utf8)) }
    }
}
