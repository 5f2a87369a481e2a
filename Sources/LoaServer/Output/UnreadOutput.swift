import LoaCore
import LoaStore

/// `loa unread` as JSON rows and as the CSV a hamlet head takes door to door (SPEC §3).
public enum UnreadOutput {
    /// One JSON row: `{ "resident", "name", "phone", "hamlet", "state", "last_error" }`.
    public struct Row: Encodable, Sendable {
        public let resident: Int64
        public let name: String
        @NullEncoded public var phone: String?
        @NullEncoded public var hamlet: String?
        public let state: String
        @NullEncoded public var lastError: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case resident, name, phone, hamlet, state
            case lastError = "last_error"
        }
    }

    public static func rows(_ entries: [UnreadEntry]) -> [Row] {
        entries.map { entry in
            Row(
                resident: entry.residentID, name: entry.name, phone: entry.phone.map(displayPhone), hamlet: entry.hamlet,
                state: entry.state.rawValue, lastError: entry.lastError)
        }
    }

    /// The CSV with a header row; phones in the domestic form people dial.
    public static func csv(_ entries: [UnreadEntry]) -> String {
        String(decoding: csvBytes(entries[...], header: true), as: UTF8.self)
    }

    /// CSV records for `entries`, after the header row if `header`; consecutive slices written
    /// apart concatenate to one file.
    public static func csvBytes(_ entries: ArraySlice<UnreadEntry>, header: Bool) -> [UInt8] {
        var writer = CSVWriter(capacity: 64 + entries.count * 72)
        if header { writer.append(["resident", "name", "phone", "hamlet", "state", "last_error"]) }
        entries.withUnsafeBufferPointer { entries in
            // Fields are read in place: a copy of each entry would retain and release its strings.
            for index in entries.indices {
                writer.field(entries[index].residentID)
                writer.field(entries[index].name)
                writer.field(entries[index].phone.map(displayPhone) ?? "")
                writer.field(entries[index].hamlet ?? "")
                writer.field(entries[index].state.rawValue)
                writer.field(entries[index].lastError ?? "")
                writer.endRecord()
            }
        }
        return writer.bytes
    }

    /// `+84912345678` → `0912345678`; anything else as stored.
    public static func displayPhone(_ e164: String) -> String {
        PhoneNumber(e164: e164)?.national ?? e164
    }
}
