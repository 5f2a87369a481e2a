import Foundation
import LoaCore
import Testing

@Suite("Audience selectors")
struct AudienceSelectorTests {
    static let phone = PhoneNumber(e164: "+84912345678")!

    @Test("Parsing", arguments: [
        ("all", AudienceSelector.all),
        (" ALL ", .all),
        ("hamlet:Thông Nhất", .hamlet("Thông Nhất")),
        ("Hamlet: Thông Nhất ", .hamlet("Thông Nhất")),
        ("hamlet:Tho\u{0302}ng Nha\u{0302}\u{0301}t", .hamlet("Thông Nhất")),
        ("group:Hội Nông dân", .group("Hội Nông dân")),
        ("GROUP:Đoàn Thanh niên", .group("Đoàn Thanh niên")),
        ("group:a:b", .group("a:b")),
        ("phone:0912 345 678", .phone(phone)),
        ("phone:+84912345678", .phone(phone)),
    ])
    func parsing(text: String, selector: AudienceSelector) throws {
        #expect(try AudienceSelector(parsing: text) == selector)
    }

    @Test("The description is canonical and reads back", arguments: [
        (AudienceSelector.all, "all"),
        (.hamlet("Thông Nhất"), "hamlet:Thông Nhất"),
        (.group("Hội Nông dân"), "group:Hội Nông dân"),
        (.phone(phone), "phone:+84912345678"),
    ])
    func roundTrip(selector: AudienceSelector, text: String) throws {
        #expect(selector.description == text)
        #expect(try AudienceSelector(parsing: text) == selector)
    }

    @Test("Errors name the selector", arguments: [
        ("", "empty audience selector"),
        ("everyone", "‘everyone’ is not an audience selector"),
        ("village:Thôn 1", "‘village:Thôn 1’: unknown selector kind ‘village’"),
        ("hamlet:", "‘hamlet:’: the hamlet name is empty"),
        ("group:   ", "the group name is empty"),
        ("phone:123", "‘phone:123’: ‘123’ is not a Vietnamese mobile number: too few digits"),
        ("phone:0212345678", "prefix 021 is not a mobile prefix"),
    ])
    func errors(text: String, reason: String) {
        #expect {
            try AudienceSelector(parsing: text)
        } throws: { error in
            (error as? SelectorError)?.description.contains(reason) == true
        }
    }

    @Test("Codable as the text form")
    func codable() throws {
        let selectors: [AudienceSelector] = [.all, .hamlet("Thôn 1"), .phone(Self.phone)]
        let json = try JSONEncoder().encode(selectors)
        #expect(String(decoding: json, as: UTF8.self) == #"["all","hamlet:Thôn 1","phone:+84912345678"]"#)
        #expect(try JSONDecoder().decode([AudienceSelector].self, from: json) == selectors)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([AudienceSelector].self, from: Data(#"["x"]"#.utf8)) }
    }
}
