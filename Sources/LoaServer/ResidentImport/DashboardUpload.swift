import Hummingbird
import MultipartKit
import NIOCore

/// A file sent with a `multipart/form-data` dashboard form.
struct DashboardUpload: Sendable {
    /// The name the browser gave (the user's file name), as sent.
    let filename: String
    let bytes: [UInt8]

    /// Reads a multipart form of at most `limit` bytes: its text fields and its files by field name.
    /// Too large a body is a 413 refusal, a body that is not multipart a 400 one; nothing is kept.
    static func read(_ request: Request, limit: Int) async throws -> (fields: [String: String], files: [String: DashboardUpload]) {
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("multipart/form-data"), let boundary = boundary(in: type) else {
            throw DashboardRefusal(status: .badRequest, key: "import.notmultipart")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            throw DashboardRefusal(status: .contentTooLarge, key: "import.toobig")
        }
        var parts: [(headers: [(String, String)], body: [UInt8])] = []
        var headers: [(String, String)] = []
        var bytes: [UInt8] = []
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { chunk in bytes += chunk.readBytes(length: chunk.readableBytes) ?? [] }
        parser.onPartComplete = {
            parts.append((headers, bytes))
            headers = []
            bytes = []
        }
        do { try parser.execute(body) } catch { throw DashboardRefusal(status: .badRequest, key: "import.notmultipart") }
        var fields: [String: String] = [:]
        var files: [String: DashboardUpload] = [:]
        for part in parts {
            let disposition = part.headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            guard let name = parameter("name", in: disposition) else { continue }
            if let filename = parameter("filename", in: disposition) {
                if files[name] == nil { files[name] = DashboardUpload(filename: filename, bytes: part.body) }
            } else if fields[name] == nil {
                fields[name] = String(decoding: part.body, as: UTF8.self)
            }
        }
        return (fields, files)
    }

    /// The `boundary` parameter of a `multipart/form-data` content type (1–70 characters).
    static func boundary(in contentType: String) -> String? {
        guard let value = parameter("boundary", in: contentType), !value.isEmpty, value.count <= 70 else { return nil }
        return value
    }

    /// A `key=value` or `key="value"` parameter of a header value such as `form-data; name="file"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
