import ArgumentParser

/// `loa demo`: the main job end to end on embedded defaults (SPEC §3).
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a convocation end to end on a synthetic commune and simulated gateways.")

    func run() async throws {
        Terminal.out("""
            loa demo: the dispatch engine and the gateway simulator are not built yet.
            What works today: residents import/list and notice create/list/show/cancel.
            Try:  loa residents import residents.csv && loa notice create --kind convocation \\
                    --title "Họp thôn" --body "…" --to all --meeting "2026-12-20 08:00"
            """)
    }
}
