import LoaHTTP

/// The delivery report SpeedSMS pushes to the account's callback URL: an unsigned JSON POST with
/// `type`, `tranId`, `phone` and `status`, `0` meaning delivered (gateways.md §5).
struct SpeedSMSDeliveryReport: Sendable {
    let callbackURL: String
    let tranID: Int
    /// The recipient in `84…` form.
    let phone: String

    /// The POST; a failure is reported with status 1, since §5 documents only `0` ([L]), as is
    /// the `type` value `report`.
    func request(delivered: Bool) -> HTTPRequest {
        var json = JSONWriter()
        json.add("type", "report")
        json.add("tranId", tranID)
        json.add("phone", phone)
        json.add("status", delivered ? 0 : 1)
        return HTTPRequest(
            method: .post, url: callbackURL, headers: ["Content-Type": "application/json"], body: json.finished)
    }

    /// Builds the POST each time the scheduler sends it.
    func sender(delivered: Bool) -> DeliveryPlan.Report {
        { request(delivered: delivered) }
    }
}
