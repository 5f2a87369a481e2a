import Hummingbird
import Logging

extension PageTemplates {
    /// An HTML response from template `name`: `values` join the layout's own (`t` words, `lang`,
    /// `title`, `commune`). A template that cannot be found or rendered is logged and answered with
    /// a 500 page carrying only the error's reference.
    static func response(
        _ name: String, text: DashboardText, title: String, commune: String, _ values: [String: Any] = [:],
        status: HTTPResponse.Status = .ok, head: Bool = false, logger: Logger
    ) -> Response {
        var context = values
        context["t"] = text.words
        context["lang"] = text.english ? "en" : "vi"
        context["title"] = title
        context["commune"] = commune
        do {
            return Responses.html(try shared.get().render(name, context), status: status, head: head)
        } catch {
            let reference = ErrorReference.log(error, "page \(name) failed", logger: logger)
            // The reference is Loa's own sentence and id (no request data), so it needs no escaping.
            return Responses.html("<!doctype html><meta charset=\"utf-8\"><p>\(reference.vietnamese)</p>", status: .internalServerError, head: head)
        }
    }
}
