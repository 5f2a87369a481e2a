import Foundation
import Hummingbird
import LoaCore
import LoaStore

/// `GET|HEAD /m/{token}` and `POST /m/{token}/ack` (SPEC §5).
///
/// Every client gets the same page; serving it is kept as a `visit`. A person's browser then loads
/// the page's own stylesheet `/m/{token}/s.css`, and that request marks the message opened when
/// `LinkVisitor` says it is a person's (preview fetchers read the HTML alone).
enum ResidentRoutes {
    static func add(to router: Router<LoaRequestContext>, setup: ServerSetup) {
        let page = ResidentPage(commune: setup.configuration.commune.name, zone: setup.configuration.commune.timeZone)
        router.get("/m/:token") { request, context in
            await show(request, context, setup: setup, page: page, head: false)
        }
        router.head("/m/:token") { request, context in
            await show(request, context, setup: setup, page: page, head: true)
        }
        router.get("/m/:token/\(LinkVisitor.stylesheetName)") { request, context in
            await stylesheet(request, context, setup: setup)
        }
        router.post("/m/:token/ack") { _, context in
            await acknowledge(context, setup: setup, page: page)
        }
    }

    /// Tokens are 32 lower-case hex digits; anything else is not looked up.
    static func validToken(_ context: LoaRequestContext) -> String? {
        guard let token = context.parameters.get("token"), token.utf8.count == 32,
            token.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { return nil }
        return token
    }

    private static func show(
        _ request: Request, _ context: LoaRequestContext, setup: ServerSetup, page: ResidentPage, head: Bool
    ) async -> Response {
        do {
            guard let token = validToken(context), let target = try await setup.store.linkTarget(token: token) else {
                return Responses.html(notFound(page), status: .notFound, head: head)
            }
            if !head {
                let agent = request.headers[.userAgent]
                try await setup.store.recordVisit(token: token, at: setup.now(), detail: agent.map { String($0.prefix(200)) })
            }
            return Responses.html(page.notice(target, status: status(of: target, token: token), token: token), head: head)
        } catch {
            let reference = ErrorReference.log(error, "resident page failed", logger: setup.logger)
            return Responses.html(page.message(title: "Lỗi tạm thời", text: "Xin bà con thử lại sau ít phút. Mã lỗi: \(reference.id)"), status: .serviceUnavailable, head: head)
        }
    }

    /// The page's stylesheet; the request that tells a person's browser (``LinkVisitor``).
    private static func stylesheet(_ request: Request, _ context: LoaRequestContext, setup: ServerSetup) async -> Response {
        guard let token = validToken(context) else { return Responses.text(.notFound, "not found") }
        do {
            let agent = request.headers[.userAgent]
            if let target = try await setup.store.linkTarget(token: token), target.state != .cancelled,
                target.state != .expired,
                LinkVisitor.opens(method: request.method.rawValue, resource: .stylesheet, userAgent: agent, pageServed: target.pageServed)
            {
                try await setup.store.recordOpen(token: token, at: setup.now(), detail: agent.map { String($0.prefix(200)) })
            }
        } catch {
            // The page still draws; the open is lost, which the log says.
            setup.logger.error("open not recorded", metadata: ["error": "\(error)"])
        }
        return Responses.css(ResidentPage.stylesheet)
    }

    private static func acknowledge(_ context: LoaRequestContext, setup: ServerSetup, page: ResidentPage) async -> Response {
        do {
            guard let token = validToken(context), let target = try await setup.store.linkTarget(token: token),
                let result = try await setup.store.acknowledge(token: token, at: setup.now())
            else {
                return Responses.html(notFound(page), status: .notFound)
            }
            switch result {
            case .recorded, .already:
                return Responses.html(page.thanks(target, token: token))
            case .closed(_, let state):
                let cancelled = state == .cancelled || target.notice.status == .cancelled
                return Responses.html(page.notice(target, status: cancelled ? .cancelled : .closed, token: token), status: .conflict)
            }
        } catch {
            let reference = ErrorReference.log(error, "acknowledgement failed", logger: setup.logger)
            return Responses.html(page.message(title: "Lỗi tạm thời", text: "Xin bà con thử lại sau ít phút. Mã lỗi: \(reference.id)"), status: .serviceUnavailable)
        }
    }

    private static func status(of target: LinkTarget, token: String) -> ResidentPage.Status {
        if target.notice.status == .cancelled || target.state == .cancelled { return .cancelled }
        if target.state == .expired { return .closed }
        if target.state == .acknowledged { return .acknowledged(target.acknowledgedAt) }
        return .open(ackPath: target.notice.draft.ackRequired ? "/m/\(token)/ack" : nil)
    }

    private static func notFound(_ page: ResidentPage) -> String {
        page.message(title: "Không tìm thấy thông báo", text: "Đường dẫn này không đúng hoặc đã hết hiệu lực.")
    }
}
