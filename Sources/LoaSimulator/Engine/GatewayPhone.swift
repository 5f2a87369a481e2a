import LoaCore

/// A recipient number as a Vietnamese gateway reads it: digits only (an optional leading `+`), in
/// the `84…`, `0…` or bare nine-digit forms (gateways.md §1.1, §4.1).
struct GatewayPhone: Sendable, Hashable {
    /// Why a number was refused.
    enum Problem: Error, Sendable {
        /// Not a phone number at all: letters, separators, wrong length.
        case malformed
        /// Well-formed, but not a Vietnamese mobile number (a landline, a foreign or unassigned prefix).
        case notMobile
    }

    /// The number in international form without `+`, e.g. `84912345678`.
    let international: String
    /// The network, which decides eSMS's `telcoid`.
    let carrier: Carrier

    /// Reads `text`, refusing anything a gateway would not accept.
    init(_ text: String) throws(Problem) {
        let bytes = Array(text.utf8)
        let digits = bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
        guard (9...13).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .malformed
        }
        let number: PhoneNumber
        do {
            number = try PhoneNumber(parsing: text)
        } catch {
            switch error {
            case .landline, .notMobilePrefix, .foreign: throw .notMobile
            default: throw .malformed
            }
        }
        international = String(number.e164.dropFirst())
        carrier = number.carrier
    }

    /// eSMS's network code (gateways.md §4.3: 1 Viettel, 2 Mobifone, 3 Vinaphone, 4 Vietnamobile,
    /// 5 Gtel, 6 Itel, 7 Reddi).
    var esmsTelcoID: Int {
        switch carrier {
        case .viettel: 1
        case .mobifone: 2
        case .vinaphone: 3
        case .vietnamobile: 4
        case .gmobile: 5
        case .itel: 6
        case .reddi: 7
        }
    }
}
