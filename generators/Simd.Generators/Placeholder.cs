namespace Simd.Generators { }
