import Foundation
import Logging
import Synchronization

/// Logs to stderr as `time level label: message key=value…`, with phone numbers masked and the
/// configured secrets replaced, whatever a message or its metadata carries (issue 6).
struct MaskingLogHandler: LogHandler {
    /// Secret values loaded from the configuration; never printed.
    static let secrets = Mutex<[String]>([])

    private var inner: StreamLogHandler

    init(label: String) {
        inner = StreamLogHandler.standardError(label: label)
    }

    var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: Self.clean(event.message.description))
        event.metadata = event.metadata?.mapValues { .string(Self.clean($0.description)) }
        inner.log(event: event)
    }

    static func clean(_ text: String) -> String {
        secrets.withLock { $0 }.filter { $0.count >= 4 }
            .reduce(text.maskingPhoneNumbers) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }
}
