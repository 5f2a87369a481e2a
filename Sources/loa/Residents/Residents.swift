import ArgumentParser

/// `loa residents …`: the commune's register of residents.
struct Residents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import and list residents.",
        subcommands: [ResidentsImport.self, ResidentsList.self]
    )
}
