import Hummingbird

/// The path every send takes, whatever the dialect: read the body, count the arrival of its key,
/// apply the fault knobs (timeout, latency, 429, 5xx), then let the dialect answer.
struct SendPipeline: Sendable {
    let engine: SimulatorEngine

    func respond<Dialect: SendDialect>(to request: Request, with dialect: Dialect) async -> Response {
        let send: Dialect.Send
        switch await read(request, with: dialect) {
        case .read(let read):
            send = read
        case .refused(let reply):
            _ = engine.state.recordArrival(Dialect.dialect, key: nil)
            return finish(reply, Dialect.dialect)
        }
        let key = dialect.key(of: send)
        let attempt = engine.state.recordArrival(Dialect.dialect, key: key)
        let subject = key ?? "unkeyed-\(engine.state.nextSequence())"
        if let fault = await injectFault(send, dialect, subject: subject, attempt: attempt) {
            return fault
        }
        return finish(dialect.process(send, engine: engine), Dialect.dialect)
    }

    private func read<Dialect: SendDialect>(_ request: Request, with dialect: Dialect) async -> Reading<Dialect.Send> {
        var request = request
        let limit = engine.options.maxBodySize
        guard let body = try? await request.collectBody(upTo: limit) else {
            return .refused(dialect.refusal(status: 413, reason: "body over \(limit) bytes"))
        }
        let headers = request.headers
        return dialect.read(Array(body.readableBytesView)) { Self.value(of: $0, in: headers) }
    }

    /// The answer of the fault knobs (after the latency knob's wait), or nil to let the gateway answer.
    private func injectFault<Dialect: SendDialect>(
        _ send: Dialect.Send, _ dialect: Dialect, subject: String, attempt: Int
    ) async -> Response? {
        let options = engine.options
        let dice = engine.dice
        let name = Dialect.dialect
        if dice.chance(options.timeoutRate, .timeout, subject, attempt: attempt) {
            engine.state.add(\.timedOut, name)
            if options.processTimedOutSends { count(dialect.process(send, engine: engine), name) }
            _ = await EventScheduler.pause(options.timeoutHold)
            return Self.fault(.gatewayTimeout, "Gateway Timeout")
        }
        guard await EventScheduler.pause(dice.duration(in: options.latency, .latency, subject, attempt: attempt)) else {
            return Self.fault(.serviceUnavailable, "Shutting down")
        }
        if dice.chance(options.throttleRate, .throttle, subject, attempt: attempt) {
            engine.state.add(\.throttled, name)
            let answer = dialect.throttled(seconds: max(0, options.retryAfterSeconds))
            var response = answer.body.map { Self.json(.tooManyRequests, $0) } ?? Self.fault(.tooManyRequests, "Too Many Requests")
            for (name, value) in answer.headers {
                if let field = HTTPFields.Element.Name(name) { response.headers[field] = value }
            }
            return response
        }
        if dice.chance(options.serverErrorRate, .serverError, subject, attempt: attempt) {
            engine.state.add(\.serverErrors, name)
            let unavailable = dice.unit(.serverErrorStatus, subject, attempt: attempt) < 0.5
            return unavailable
                ? Self.fault(.serviceUnavailable, "Service Unavailable")
                : Self.fault(.internalServerError, "Internal Server Error")
        }
        return nil
    }

    private func finish(_ reply: GatewayReply, _ dialect: GatewayDialect) -> Response {
        count(reply, dialect)
        return Self.json(HTTPResponse.Status(code: reply.status), reply.body)
    }

    private func count(_ reply: GatewayReply, _ dialect: GatewayDialect) {
        switch reply.outcome {
        case .accepted: engine.state.add(\.accepted, dialect)
        case .rejected(let code): engine.state.reject(dialect, code: code)
        }
    }

    static func json(_ status: HTTPResponse.Status, _ body: [UInt8]) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A fault answer from the HTTP layer in front of the gateway, not from the gateway itself.
    private static func fault(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var writer = JSONWriter()
        writer.add("message", message)
        return json(status, writer.finished)
    }

    private static func value(of name: String, in headers: HTTPFields) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.canonicalName == wanted }?.value
    }
}
