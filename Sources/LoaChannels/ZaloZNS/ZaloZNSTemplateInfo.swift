import Foundation

/// What Zalo says about an approved template (`GET /template/info/v2`, gateways.md §1.4, §13):
/// its status and each parameter's limits.
public struct ZaloZNSTemplateInfo: Sendable, Equatable, Codable {
    public var templateID: String
    /// `ENABLE` when the template may be sent; `PENDING_REVIEW`, `REJECT`, `DISABLE` otherwise.
    public var status: String
    public var params: [Param]

    /// One entry of `listParams`.
    public struct Param: Sendable, Equatable, Codable {
        public var name: String
        public var required: Bool
        /// Zalo's parameter type, as sent (`STRING`, `NUMBER`, `DATE`, `URL`…).
        public var type: String?
        public var maxLength: Int?
        public var minLength: Int?
        public var acceptNull: Bool
        /// Whether the value fills a button's URL path (gateways.md §13): the type says URL, or a
        /// button's registered URL names the parameter.
        public var isURL: Bool

        public init(
            name: String, required: Bool = true, type: String? = nil, maxLength: Int? = nil, minLength: Int? = nil,
            acceptNull: Bool = false, isURL: Bool = false
        ) {
            self.name = name
            self.required = required
            self.type = type
            self.maxLength = maxLength
            self.minLength = minLength
            self.acceptNull = acceptNull
            self.isURL = isURL
        }
    }

    public init(templateID: String, status: String, params: [Param]) {
        self.templateID = templateID
        self.status = status
        self.params = params
    }

    /// Whether Zalo will send this template now.
    public var isEnabled: Bool { status.uppercased() == "ENABLE" }

    /// The parameter named `name`, if the template has one.
    public func param(_ name: String) -> Param? { params.first { $0.name == name } }
}

extension ZaloZNSTemplateInfo {
    /// Reads a `/template/info/v2` reply: `{error, message, data: {templateId, status, listParams,
    /// listButtons}}`; a non-zero `error` is thrown with Zalo's code and text.
    static func read(_ body: [UInt8], templateID: String) throws(SendError) -> ZaloZNSTemplateInfo {
        let reply: Reply
        do {
            reply = try JSONDecoder().decode(Reply.self, from: Data(body))
        } catch {
            throw SendError(.retryable, "unreadable ZNS template info reply")
        }
        guard reply.error == 0, let data = reply.data else {
            let said = reply.message.map { " (Zalo: \($0))" } ?? ""
            let kind: SendError.Kind = reply.error == -124 ? .unauthorized : .permanent
            throw SendError(kind, "template \(templateID): error \(reply.error)" + said, gatewayCode: String(reply.error))
        }
        // Button URLs are registered with the parameter in the path, `…/m/<token>` (§13); the
        // marker spelling is not documented [L], so both `<name>` and `{{name}}` are read.
        let buttonText = (data.listButtons ?? []).compactMap(\.content).joined(separator: " ")
        let params = (data.listParams ?? []).map { param in
            Param(
                name: param.name, required: param.require ?? true, type: param.type, maxLength: param.maxLength,
                minLength: param.minLength, acceptNull: param.acceptNull ?? false,
                isURL: param.type?.uppercased() == "URL" || buttonText.contains("<\(param.name)>")
                    || buttonText.contains("{{\(param.name)}}"))
        }
        return ZaloZNSTemplateInfo(
            templateID: data.templateId.map(\.text) ?? templateID, status: data.status ?? "", params: params)
    }

    private struct Reply: Decodable {
        var error: Int
        var message: String?
        var data: Payload?
    }

    private struct Payload: Decodable {
        var templateId: FlexibleText?
        var status: String?
        var listParams: [ListParam]?
        var listButtons: [Button]?
    }

    private struct ListParam: Decodable {
        var name: String
        var require: Bool?
        var type: String?
        var maxLength: Int?
        var minLength: Int?
        var acceptNull: Bool?
    }

    private struct Button: Decodable {
        var content: String?
    }

    /// Template ids arrive as numbers or strings depending on the call.
    private struct FlexibleText: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self.text = text
            } else {
                text = String(try container.decode(Int64.self))
            }
        }
    }
}

extension ZaloZNSTemplateInfo {
    /// The description as JSON, for keeping in the store between processes.
    public var json: String {
        get throws { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }
    }

    /// A description kept by ``json``.
    public init(json: String) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(json.utf8))
    }
}
