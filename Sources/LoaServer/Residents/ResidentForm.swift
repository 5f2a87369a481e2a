import Foundation
import LoaCore
import LoaStore

/// The registry's add/edit form as typed: read from a posted form or a stored resident, checked
/// with reasons in the page's words, and handed back to the template so nothing typed is lost.
struct ResidentForm {
    var name = ""
    var phone = ""
    var zalo = ""
    /// The hamlet picked in the list of existing hamlets (empty: none).
    var hamlet = ""
    /// A hamlet typed in the "new hamlet" field; it wins over the list.
    var newHamlet = ""
    /// The existing groups ticked.
    var groups: [String] = []
    /// New group names typed, separated by `;` (or `,` / `|`).
    var newGroups = ""

    init() {}

    /// The form filled with a stored resident's details.
    init(_ resident: Resident) {
        name = resident.name
        phone = resident.phone?.national ?? ""
        zalo = resident.zaloID ?? ""
        hamlet = resident.hamlet ?? ""
        groups = resident.groups
    }

    /// The form as posted: ticked groups come as `group_0`, `group_1`… (the dashboard keeps one value per field name).
    init(fields: [String: String]) {
        name = fields["name"] ?? ""
        phone = fields["phone"] ?? ""
        zalo = fields["zalo"] ?? ""
        hamlet = fields["hamlet"] ?? ""
        newHamlet = fields["new_hamlet"] ?? ""
        groups = fields.filter { $0.key.hasPrefix("group_") && !$0.value.isEmpty }.sorted { $0.key < $1.key }.map(\.value)
        newGroups = fields["new_groups"] ?? ""
    }

    /// The hamlet to store: the new one typed, else the one picked, else none.
    var chosenHamlet: String? {
        let typed = newHamlet.trimmingCharacters(in: .whitespacesAndNewlines)
        let picked = hamlet.trimmingCharacters(in: .whitespacesAndNewlines)
        return typed.isEmpty ? (picked.isEmpty ? nil : picked) : typed
    }

    /// The groups to store: the ticked ones and the new ones typed.
    var chosenGroups: [String] {
        let typed = newGroups.split(whereSeparator: { ";,|".contains($0) }).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return (groups + typed).filter { !$0.isEmpty }
    }

    /// The resident to store, or every reason it cannot be, in `text`'s words (the store's limits, checked first here).
    func input(_ text: DashboardText) -> (input: ResidentInput?, errors: [String]) {
        var errors: [String] = []
        let cleanName = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if cleanName.isEmpty { errors.append(text["residents.err.name"]) }
        if cleanName.count > 120 { errors.append(text["residents.err.name.long"]) }
        var number: PhoneNumber?
        do {
            number = try PhoneNumber(parsing: phone)
        } catch {
            errors.append(Self.reason(error, text))
        }
        let cleanZalo = zalo.trimmingCharacters(in: .whitespacesAndNewlines)
        if cleanZalo.contains(where: \.isWhitespace) || cleanZalo.count > 64 { errors.append(text["residents.err.zalo"]) }
        if (chosenHamlet?.count ?? 0) > 80 { errors.append(text["residents.err.hamlet.long"]) }
        for group in chosenGroups where group.count > 80 { errors.append(text["residents.err.group.long"] + " " + group) }
        guard errors.isEmpty, let number else { return (nil, errors) }
        let input = ResidentInput(
            name: cleanName, phone: number, zaloID: cleanZalo.isEmpty ? nil : cleanZalo, hamlet: chosenHamlet, groups: chosenGroups)
        return (input, [])
    }

    /// Why the typed phone is not a Vietnamese mobile number, in `text`'s words, quoting what was typed.
    static func reason(_ error: PhoneNumberError, _ text: DashboardText) -> String {
        switch error {
        case .empty: text["residents.phone.empty"]
        case .containsLetters(let typed): "‘\(typed)’ " + text["residents.phone.letters"]
        case .invalidCharacter(let typed, let character): "‘\(typed)’ " + text["residents.phone.character"] + " ‘\(character)’."
        case .misplacedPlus(let typed): "‘\(typed)’ " + text["residents.phone.plus"]
        case .foreign(let typed, let code): "‘\(typed)’ " + text["residents.phone.foreign"] + " +\(code)."
        case .tooFewDigits(let typed): "‘\(typed)’ " + text["residents.phone.few"]
        case .tooManyDigits(let typed): "‘\(typed)’ " + text["residents.phone.many"]
        case .landline(let typed, let prefix): "‘\(typed)’ " + text["residents.phone.landline"] + " \(prefix)."
        case .notMobilePrefix(let typed, let prefix): "‘\(typed)’ " + text["residents.phone.prefix"] + " \(prefix)."
        case .oldElevenDigit(let typed, _, _, let suggestion):
            suggestion.map { "‘\(typed)’ " + text["residents.phone.old"] + " \($0)." }
                ?? "‘\(typed)’ " + text["residents.phone.old.unknown"]
        }
    }

    /// The template's values for the form: the typed fields, the hamlet list with the picked one
    /// selected, and a tick box per existing group.
    func context(hamlets: [String], groups known: [String]) -> [String: Any] {
        let picked = hamlet.matchKey
        var hamletOptions = hamlets.map { ["name": $0, "selected": $0.matchKey == picked] as [String: Any] }
        if !picked.isEmpty, !hamlets.contains(where: { $0.matchKey == picked }) {
            hamletOptions.append(["name": hamlet, "selected": true])
        }
        let ticked = Set(groups.map(\.matchKey))
        var boxes = known.map { ($0, ticked.contains($0.matchKey)) }
        for group in groups where !known.contains(where: { $0.matchKey == group.matchKey }) { boxes.append((group, true)) }
        return [
            "name": name, "phone": phone, "zalo": zalo, "newHamlet": newHamlet, "newGroups": newGroups,
            "hamlets": hamletOptions, "noHamlet": picked.isEmpty,
            "groups": boxes.enumerated().map { ["field": "group_\($0.offset)", "name": $0.element.0, "checked": $0.element.1] as [String: Any] },
        ]
    }
}
