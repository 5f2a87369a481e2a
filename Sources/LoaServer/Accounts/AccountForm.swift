import LoaCore
import LoaStore

/// What the account form posted: name, phone, role and scopes (checkboxes `scope_N` whose values
/// are `hamlet:NAME` or `group:NAME`), checked against the existing hamlets and groups.
struct AccountForm {
    var name: String
    var phoneText: String
    var role: TokenRecord.Role?
    var scopes: [AudienceSelector]

    init(_ form: [String: String]) {
        name = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).precomposed
        phoneText = (form["phone"] ?? "").trimmingCharacters(in: .whitespaces)
        role = TokenRecord.Role(rawValue: form["role"] ?? "")
        scopes = form.filter { $0.key.hasPrefix("scope_") }.sorted { $0.key < $1.key }.compactMap { try? AudienceSelector(parsing: $0.value) }
    }

    init(_ account: AccountRecord) {
        name = account.name
        phoneText = account.phone.national
        role = account.role
        scopes = account.scopes
    }

    /// The first problem of the name, role and scopes, as a words key, or nil.
    func problem(hamlets: [String], groups: [String]) -> String? {
        if name.isEmpty || name.count > 120 { return "acc.name.bad" }
        guard let role else { return "acc.role.bad" }
        for scope in scopes {
            switch scope {
            case .hamlet(let hamlet) where hamlets.contains(where: { $0.nameKey == hamlet.nameKey }): continue
            case .group(let group) where groups.contains(where: { $0.nameKey == group.nameKey }): continue
            default: return "acc.scope.unknown"
            }
        }
        guard ScopeRules.refusal(role: role, scopes: scopes) == nil else {
            switch role {
            case .sender: return "acc.scope.sender"
            case .volunteer: return "acc.scope.volunteer"
            case .admin, .auditor: return "acc.scope.none"
            }
        }
        return nil
    }

    /// The template values of the role choice and the scope checkboxes.
    func choices(hamlets: [String], groups: [String], text: DashboardText) -> [String: Any] {
        let chosen = Set(scopes.map(\.description.nameKey))
        var index = 0
        func box(_ selector: AudienceSelector, _ label: String) -> [String: Any] {
            index += 1
            return ["field": "scope_\(String(format: "%03d", index))", "value": selector.description, "label": label,
                    "checked": chosen.contains(selector.description.nameKey)]
        }
        return [
            "roles": TokenRecord.Role.allCases.map { ["value": $0.rawValue, "label": text["acc.role." + $0.rawValue], "selected": $0 == role] },
            "hamletBoxes": hamlets.map { box(.hamlet($0), $0) },
            "groupBoxes": groups.map { box(.group($0), $0) },
            "name": name, "phone": phoneText,
        ]
    }
}
