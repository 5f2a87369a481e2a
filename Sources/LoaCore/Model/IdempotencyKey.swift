/// The key a gateway sees for one message on one step of its channel chain (SPEC §8).
///
/// ASCII letters and digits only, at most 48 characters — usable as eSMS `RequestId` (≤ 50) and ZNS
/// `tracking_id` (≤ 48, "no special characters", gateways.md §1.1) — and derived from stored ids, so
/// a re-send after a crash carries the same key without any extra write.
public enum IdempotencyKey {
    /// `N7K3Q9A` + `M` + message id + `C` + channel step, e.g. `N7K3Q9AM1234C0`; a reminder adds
    /// `R` + its round (`…C0R1`), since eSMS refuses a `RequestId` seen the same day.
    public static func make(notice: String, message: Int64, step: Int, round: Int = 0) -> String {
        // Built as bytes: a claim makes one key per message, inside the store's write transaction.
        var key: [UInt8] = []
        key.reserveCapacity(48)
        for byte in notice.utf8 where isLetterOrDigit(byte) { key.append(byte) }
        key.append(UInt8(ascii: "M"))
        appendDecimal(message, to: &key)
        key.append(UInt8(ascii: "C"))
        appendDecimal(Int64(step), to: &key)
        if round > 0 {
            key.append(UInt8(ascii: "R"))
            appendDecimal(Int64(round), to: &key)
        }
        return String(decoding: key.prefix(48), as: UTF8.self)
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            return true
        default:
            return false
        }
    }

    private static func appendDecimal(_ value: Int64, to key: inout [UInt8]) {
        if value < 0 { key.append(UInt8(ascii: "-")) }
        let start = key.count
        var rest = value.magnitude
        repeat {
            key.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        key[start...].reverse()
    }
}
