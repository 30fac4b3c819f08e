/** Production build, no telemetry, no image optimisation: the peer serves one API route. */
export default { poweredByHeader: false, images: { unoptimized: true } };
