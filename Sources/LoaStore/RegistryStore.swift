import Foundation
import LoaCore

/// The commune office's residents registry (issue 19): search, add, edit, move between hamlets,
/// remove (kept for history, left out of new notices) and restore, every change audited.
public protocol RegistryStore: Sendable {
    /// One page of the residents `search` matches, in hamlet and name order, with the total.
    func searchResidents(_ search: ResidentSearch) async throws -> ResidentSearchPage

    /// One resident by id, a removed one too (its `removedAt` set).
    func resident(id: Int64) async throws -> Resident?

    /// The notices that targeted the resident with its message's state, newest first, at most `limit`.
    func residentHistory(id: Int64, limit: Int) async throws -> [ResidentNotice]

    /// Adds a resident, creating a new hamlet or group on first use as an import does; a phone
    /// another resident holds is a `conflict` naming them. Audited as `resident.add`.
    func addResident(_ input: ResidentInput, actor: String) async throws -> Resident

    /// Replaces name, phone, Zalo id, hamlet (a move) and groups, keeping preferred channels;
    /// audited as `resident.update` with what changed. A removed resident is a `conflict` (restore first).
    func updateResident(id: Int64, _ input: ResidentInput, actor: String) async throws -> Resident

    /// Removes a resident from the registry (kept for history); audited as `resident.remove`.
    func removeResident(id: Int64, actor: String, at: Date) async throws -> Resident

    /// Brings a removed resident back; audited as `resident.restore`.
    func restoreResident(id: Int64, actor: String) async throws -> Resident
}

/// What the registry page asks for: a name or phone, a hamlet, a group, removed residents or not, a page.
public struct ResidentSearch: Sendable, Equatable {
    public var text: String
    public var hamlet: String?
    public var group: String?
    public var includeRemoved: Bool
    public var limit: Int
    public var offset: Int

    public init(
        text: String = "", hamlet: String? = nil, group: String? = nil, includeRemoved: Bool = false, limit: Int = 50,
        offset: Int = 0
    ) {
        self.text = text
        self.hamlet = hamlet.flatMap { $0.matchKey.isEmpty ? nil : $0 }
        self.group = group.flatMap { $0.matchKey.isEmpty ? nil : $0 }
        self.includeRemoved = includeRemoved
        self.limit = min(max(limit, 1), 500)
        self.offset = max(offset, 0)
    }

    /// The digits typed when the text reads as a phone number (digits and separators only, at least three digits).
    var phoneDigits: String? {
        let digits = text.filter(\.isASCII).filter(\.isNumber)
        let others = text.filter { !$0.isNumber && !" +-.()".contains($0) }
        guard digits.count >= 3, others.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return String(digits)
    }

    /// A `LIKE` pattern over stored E.164 phones: `0912 3` → `+849123%`, `84912` or `912` anywhere.
    var phonePattern: String? {
        guard let digits = phoneDigits else { return nil }
        if digits.hasPrefix("0") { return "+84" + digits.dropFirst() + "%" }
        return "%" + digits + "%"
    }

    /// One `LIKE` pattern over `residents.sort_key` per word typed, folded (`Nguyễn` → `%nguyen%`).
    var namePatterns: [String] {
        guard phoneDigits == nil else { return [] }
        return text.matchKey.split(separator: " ").map { "%" + Self.escapeLike(String($0)) + "%" }
    }

    /// Whether a stored hamlet or group name is the one asked for, accents and case ignored.
    static func same(_ stored: String, _ wanted: String?) -> Bool {
        wanted.map { stored.matchKey == $0.matchKey } ?? false
    }

    /// `text` with `\`, `%` and `_` escaped for `LIKE … ESCAPE '\'`.
    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

/// One page of a registry search and how many residents match in all.
public struct ResidentSearchPage: Sendable, Equatable {
    public var residents: [Resident]
    public var total: Int

    public init(residents: [Resident], total: Int) {
        self.residents = residents
        self.total = total
    }
}

/// A notice that targeted a resident, with the state its message reached.
public struct ResidentNotice: Sendable, Equatable {
    public var notice: String
    public var title: String
    public var kind: NoticeKind
    public var sendAt: Date
    public var state: MessageState

    public init(notice: String, title: String, kind: NoticeKind, sendAt: Date, state: MessageState) {
        self.notice = notice
        self.title = title
        self.kind = kind
        self.sendAt = sendAt
        self.state = state
    }
}

/// The checks and audit wording both backends share for registry changes.
enum RegistryRules {
    /// The input tidied (blanks trimmed and collapsed, empty optional fields dropped, groups
    /// deduplicated accents and case ignored), or an `invalidInput` error naming the field.
    static func clean(_ input: ResidentInput) throws -> ResidentInput {
        let name = tidy(input.name)
        guard !name.isEmpty else { throw StoreError.invalid("the name is empty") }
        guard name.count <= 120 else { throw StoreError.invalid("the name is longer than 120 characters") }
        let zalo = input.zaloID?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let zalo, zalo.contains(where: { $0.isWhitespace }) || zalo.count > 64 {
            throw StoreError.invalid("the Zalo id '\(zalo)' is not one (no blanks, at most 64 characters)")
        }
        let hamlet = input.hamlet.map(tidy)
        if let hamlet, hamlet.count > 80 { throw StoreError.invalid("the hamlet name is longer than 80 characters") }
        var groups: [String] = []
        for group in input.groups.map(tidy) where !group.isEmpty {
            guard group.count <= 80 else { throw StoreError.invalid("the group name '\(group)' is longer than 80 characters") }
            if !groups.contains(where: { $0.matchKey == group.matchKey }) { groups.append(group) }
        }
        return ResidentInput(
            line: input.line, name: name, phone: input.phone, zaloID: zalo?.isEmpty == false ? zalo : nil,
            hamlet: hamlet?.isEmpty == false ? hamlet : nil, groups: groups, channels: input.channels)
    }

    /// The conflict raised when `phone` already belongs to `other`.
    static func phoneTaken(_ phone: PhoneNumber, by other: Resident) -> StoreError {
        let removed = other.removedAt == nil ? "" : " (removed; restore them instead)"
        return StoreError(.conflict, "phone \(phone.national) already belongs to \(other.name) (#\(other.id))\(removed)")
    }

    /// What an added resident is, for the audit log.
    static func described(_ resident: Resident) -> String {
        "\(resident.name); hamlet: \(resident.hamlet ?? "–"); groups: \(list(resident.groups)); zalo: \(resident.zaloID ?? "–")"
    }

    /// What changed between two readings of a resident (`hamlet: Đồng Tâm → Hòa Bình; …`), empty when nothing did.
    static func changes(from old: Resident, to new: Resident) -> String {
        var parts: [String] = []
        func note(_ field: String, _ before: String, _ after: String) {
            if before != after { parts.append("\(field): \(before) → \(after)") }
        }
        note("name", old.name, new.name)
        note("phone", old.phone?.national ?? "–", new.phone?.national ?? "–")
        note("zalo", old.zaloID ?? "–", new.zaloID ?? "–")
        note("hamlet", old.hamlet ?? "–", new.hamlet ?? "–")
        note("groups", list(old.groups), list(new.groups))
        return parts.joined(separator: "; ")
    }

    /// `text` with every run of blanks made one space and none at either end.
    static func tidy(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "–" : names.joined(separator: ", ")
    }
}
