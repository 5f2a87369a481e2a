import Hummingbird
import Logging

/// A short random id that ties a failure a user sees to the log line that holds its details.
///
/// Internal errors (SQL text, file paths) go to the log only; the answer carries the id, which the
/// user can read out to the commune office.
struct ErrorReference: Sendable, CustomStringConvertible {
    let id: String

    /// Eight characters without look-alikes (no 0/O, 1/I/L), about 40 bits.
    init() {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        id = String((0..<8).map { _ in alphabet.randomElement()! })
    }

    var description: String { id }

    /// Logs `error` with what failed under a new reference, and returns the reference.
    static func log(_ error: any Error, _ what: String, logger: Logger) -> ErrorReference {
        let reference = ErrorReference()
        logger.error("\(what)", metadata: ["reference": "\(reference.id)", "error": "\(error)"])
        return reference
    }

    /// The API's answer: `{"error": "internal error", "reference": "…"}` with status 500.
    var json: Response {
        Responses.json(["error": "internal error", "reference": id], status: .internalServerError)
    }

    /// The sentence pages show in place of the error.
    var vietnamese: String {
        "Máy chủ gặp lỗi nội bộ. Nếu lỗi còn lặp lại, xin báo mã lỗi \(id) cho văn phòng UBND xã."
    }
}
