import LoaCore
import LoaStore

/// The signed-in staff member's own phone: a staff account's identity names it (`account:+84…`);
/// a token sign-in has none.
enum StaffPhone {
    /// The phone of the person behind `identity`, if they signed in with a staff account.
    static func of(_ identity: Identity) -> PhoneNumber? {
        guard identity.isAccount else { return nil }
        return try? PhoneNumber(parsing: String(identity.actor.dropFirst(AccountRecord.labelPrefix.count)))
    }
}
