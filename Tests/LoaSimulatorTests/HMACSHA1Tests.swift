@testable import LoaSimulator
import Foundation
import Testing

@Suite("HMAC-SHA1")
struct HMACSHA1Tests {
    @Test("RFC 2202 test cases 1, 2 and 6 (key longer than a block)")
    func rfc2202() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(HMACSHA1.authenticationCode(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8)))
            == "b617318655057264e28bc0b6fb378c8ef146be00")
        #expect(hex(HMACSHA1.authenticationCode(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
        #expect(hex(HMACSHA1.authenticationCode(
            key: [UInt8](repeating: 0xaa, count: 80),
            message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "aa4ae5e15272d00e95705637ce8a3b55ed402112")
    }

    @Test("SHA-1 of block-boundary lengths matches coreutils' sha1sum")
    func boundaries() throws {
        for length in [0, 55, 56, 63, 64, 65, 119, 120, 1000] {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37) }
            let ours = HMACSHA1.sha1(message).map { String(format: "%02x", $0) }.joined()
            #expect(ours == (try sha1sum(message)), "length \(length)")
        }
    }
}
