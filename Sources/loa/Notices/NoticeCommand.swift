import ArgumentParser

/// `loa notice …`: convocations, public notices and alerts.
struct NoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Create, list, show and cancel notices.",
        subcommands: [NoticeCreate.self, NoticeList.self, NoticeShow.self, NoticeCancel.self]
    )
}
