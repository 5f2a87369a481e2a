import LoaCore

/// SPEC §3: `{ "id", "name", "phone", "zalo", "hamlet", "groups": [] }`.
public struct ResidentJSON: Encodable, Sendable {
    public let id: Int64
    public let name: String
    @NullEncoded public var phone: String?
    @NullEncoded public var zalo: String?
    @NullEncoded public var hamlet: String?
    public let groups: [String]

    public init(_ resident: Resident) {
        id = resident.id
        name = resident.name
        phone = resident.phone?.e164
        zalo = resident.zaloID
        hamlet = resident.hamlet
        groups = resident.groups
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, phone, zalo, hamlet, groups }
}
