import ArgumentParser
import LoaCore
import LoaServer
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
