import LoaCore

/// SPEC §3: `{ "id", "name", "phone", "zalo", "hamlet", "groups": [] }`.
public struct ResidentJSON: Encodable, Sendable {
    public let id: Int64
    public let name: String
    public let phone: String?
    public let zalo: String?
    public let hamlet: String?
    public let groups: [String]

    public init(_ resident: Resident) {
        id = resident.id
        name = resident.name
        phone = resident.phone?.e164
        zalo = resident.zaloID
        hamlet = resident.hamlet
        groups = resident.groups
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(phone, forKey: .phone)
        try container.encode(zalo, forKey: .zalo)
        try container.encode(hamlet, forKey: .hamlet)
        try container.encode(groups, forKey: .groups)
    }

    enum CodingKeys: String, CodingKey { case id, name, phone, zalo, hamlet, groups }
}
