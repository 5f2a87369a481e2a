import ArgumentParser

/// `loa-bench`: measurements of Loa's moving parts, each printing one JSON line.
@main
struct LoaBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loa-bench",
        abstract: "Benchmarks for Loa; each subcommand prints one JSON line to stdout.",
        subcommands: [TransportBench.self, StoreBench.self]
    )
}
