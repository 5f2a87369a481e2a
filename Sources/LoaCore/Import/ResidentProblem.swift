/// One reason a resident row was rejected, in a form a page can put into the reader's language.
public enum ResidentProblem: Sendable, Hashable, CustomStringConvertible {
    /// The name cell is empty.
    case missingName
    /// The phone cell is empty.
    case missingPhone
    /// The phone cell is not a Vietnamese mobile number.
    case phone(PhoneNumberError)
    /// Excel turned a long Zalo id into a number such as `1.23457E+18`.
    case zaloAsNumber(String)
    /// The phone (E.164) was already on an earlier line or sheet row (`rowWord`: `line`, `row`).
    case duplicatePhone(String, first: Int, rowWord: String)
    /// The row's bytes are not UTF-8.
    case notUTF8

    public var description: String {
        switch self {
        case .missingName: "missing name"
        case .missingPhone: "missing phone number"
        case .phone(let error): error.description
        case .zaloAsNumber(let zalo): "Zalo id ‘\(zalo)’ was turned into a number by Excel; format the column as Text and export again"
        case .duplicatePhone(let phone, let first, let rowWord): "duplicate phone \(phone), first on \(rowWord) \(first)"
        case .notUTF8: CSVError.invalidUTF8(line: 0).reasonForRow
        }
    }
}
