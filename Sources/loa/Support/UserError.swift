import ArgumentParser
import Foundation
import LoaConfig
import LoaCore
import LoaStore

/// A problem with what the user asked for: printed as one line, exit status 1.
struct UserError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    /// Wraps the errors of Loa's libraries, which all describe themselves for users.
    init?(describing error: any Error) {
        switch error {
        case let error as StoreError: message = error.description
        case let error as ConfigError: message = error.description
        case is ExitCode, is CleanExit: return nil
        case let error as any CustomStringConvertible where !(error is ValidationError):
            message = error.description
        default:
            message = String(describing: error)
        }
    }

    var description: String { message }
}
