/// The colours of every figure: a colour-blind-safe qualitative palette for series and classes, and
/// diverging and sequential ramps for heat maps.
///
/// Series colours are Okabe & Ito's palette ("Color Universal Design", 2008), distinguishable with
/// every common form of colour-vision deficiency; ramps are Paul Tol's BuRd diverging scheme
/// (personal.sron.nl/~pault, "Colour schemes", 2021) and its blue half for sequential shading.
enum Palette {
    /// Okabe–Ito in the order series use them: blue, orange, bluish green, vermillion, reddish purple,
    /// sky blue, yellow, black (yellow and black last: yellow is faint on white, black reads as an axis).
    static let series: [RGB] = [
        RGB(0x0072B2), RGB(0xE69F00), RGB(0x009E73), RGB(0xD55E00),
        RGB(0xCC79A7), RGB(0x56B4E9), RGB(0xF0E442), RGB(0x000000),
    ]

    /// The colour of series or class `index`, cycling after eight.
    static func color(_ index: Int) -> RGB {
        series[index % series.count]
    }

    /// Tol's BuRd, blue (low) through off-white (centre) to red (high).
    static let diverging: [RGB] = [
        RGB(0x2166AC), RGB(0x4393C3), RGB(0x92C5DE), RGB(0xD1E5F0), RGB(0xF7F7F7),
        RGB(0xFDDBC7), RGB(0xF4A582), RGB(0xD6604D), RGB(0xB2182B),
    ]

    /// Off-white (0) to dark blue (1): BuRd's blue half, for fractions such as confusion-matrix rows.
    static let sequential: [RGB] = [
        RGB(0xF7F7F7), RGB(0xD1E5F0), RGB(0x92C5DE), RGB(0x4393C3), RGB(0x2166AC),
    ]

    /// The colour at `t` in 0…1 along `ramp`, linear in sRGB between neighbouring stops; `t` outside
    /// 0…1 is clamped.
    static func interpolate(_ ramp: [RGB], at t: Double) -> RGB {
        let position = min(max(t, 0), 1) * Double(ramp.count - 1)
        let index = min(Int(position), ramp.count - 2)
        let fraction = position - Double(index)
        let (a, b) = (ramp[index], ramp[index + 1])
        func mix(_ x: Int, _ y: Int) -> Int { Int((Double(x) + Double(y - x) * fraction).rounded()) }
        return RGB(red: mix(a.red, b.red), green: mix(a.green, b.green), blue: mix(a.blue, b.blue))
    }
}

/// An sRGB colour with 8-bit channels, written as `#RRGGBB`.
struct RGB: Equatable {
    var red: Int
    var green: Int
    var blue: Int

    /// From channels 0…255.
    init(red: Int, green: Int, blue: Int) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    /// From a 24-bit `0xRRGGBB` literal.
    init(_ hex: Int) {
        self.init(red: hex >> 16 & 0xFF, green: hex >> 8 & 0xFF, blue: hex & 0xFF)
    }

    /// `#RRGGBB`, upper-case.
    var hex: String {
        let digits = Array("0123456789ABCDEF")
        return "#" + String([red, green, blue].flatMap { [digits[$0 >> 4], digits[$0 & 0xF]] })
    }

    /// Whether black text reads better on this colour than white (Rec. 709 luma above one half).
    var prefersDarkText: Bool {
        0.2126 * Double(red) + 0.7152 * Double(green) + 0.0722 * Double(blue) > 0.5 * 255
    }
}
