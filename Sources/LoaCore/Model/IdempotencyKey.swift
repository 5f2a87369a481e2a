/// The key a gateway sees for one message on one step of its channel chain (SPEC §8).
///
/// ASCII letters and digits only, at most 48 characters — usable as eSMS `RequestId` (≤ 50) and ZNS
/// `tracking_id` (≤ 48, "no special characters", gateways.md §1.1) — and derived from stored ids, so
/// a re-send after a crash carries the same key without any extra write.
public enum IdempotencyKey {
    /// `N7K3Q9A` + `M` + message id + `C` + channel step, e.g. `N7K3Q9AM1234C0`; a reminder adds
    /// `R` + its round (`…C0R1`), since eSMS refuses a `RequestId` seen the same day.
    public static func make(notice: String, message: Int64, step: Int, round: Int = 0) -> String {
        let noticePart = notice.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let roundPart = round > 0 ? "R" + String(round) : ""
        return String((noticePart + "M" + String(message) + "C" + String(step) + roundPart).prefix(48))
    }
}
