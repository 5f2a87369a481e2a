import LoaCore

/// Sends one short text to a staff member's phone through the commune's own channels, outside any
/// notice: sign-in codes and the channels page's test send.
struct StaffMessenger: Sendable {
    let setup: ServerSetup

    /// Sends `text` to `phone` through `channel` (nil: the first configured channel that can carry
    /// it); returns the channel that took it. Throws with words naming the channel and its answer.
    func send(_ text: String, to phone: PhoneNumber, channel: String?) async throws -> String {
        throw StaffMessengerError(description: "sending to staff is not built yet")
    }
}

/// Why a text to a staff member did not go.
struct StaffMessengerError: Error, CustomStringConvertible {
    let description: String
}
