import ArgumentParser
import LoaCore
import LoaStore

/// `loa residents list` (SPEC §3).
struct ResidentsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List residents.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: "Only residents of this hamlet.")
    var hamlet: String?

    @Option(help: "Only members of this group.")
    var group: String?

    func run() async throws {
        let store = try await global.store()
        var hamletName: String?
        if let hamlet { hamletName = try await NameLookup.hamlet(hamlet, in: store) }
        var groupName: String?
        if let group { groupName = try await NameLookup.group(group, in: store) }
        let residents = try await store.residents(hamlet: hamletName, group: groupName)
        switch output.format {
        case .json:
            try JSONOutput.print(residents.map(ResidentJSON.init))
        case .csv, .text:
            var listing = Listing(["id", "name", "phone", "zalo", "hamlet", "groups"])
            for resident in residents {
                listing.append([
                    String(resident.id), resident.name, resident.phone?.e164 ?? "", resident.zaloID ?? "",
                    resident.hamlet ?? "", resident.groups.joined(separator: "; "),
                ])
            }
            Terminal.out(output.format == .csv ? listing.csv : listing.text)
            if output.format == .text { Terminal.info("\(residents.count) residents") }
        }
    }
}

/// SPEC §3: `{ "id", "name", "phone", "zalo", "hamlet", "groups": [] }`.
struct ResidentJSON: Encodable {
    let id: Int64
    let name: String
    let phone: String?
    let zalo: String?
    let hamlet: String?
    let groups: [String]

    init(_ resident: Resident) {
        id = resident.id
        name = resident.name
        phone = resident.phone?.e164
        zalo = resident.zaloID
        hamlet = resident.hamlet
        groups = resident.groups
    }

    func encode(to encoder: any Encoder) throws {
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
