/**
 * Perl (CPAN) modules: {@code cpanfile} ({@link org.debindex.verify.deps.perl.CpanfileReader}),
 * {@code version.pm} versions ({@link org.debindex.verify.deps.perl.PerlVersion}) and
 * CPAN::Meta::Spec version ranges ({@link org.debindex.verify.deps.perl.PerlRequirement}).
 *
 * <p>Scopes of a declared dependency, joined by commas: the phase when not runtime
 * ({@code configure}, {@code build}, {@code test}, {@code develop}), {@code recommends} or
 * {@code suggests}, {@code feature:NAME} with {@code optional}, {@code osname:NAME},
 * {@code conditional}, {@code url}, and {@code platform} for {@code perl} itself.
 */
package org.debindex.verify.deps.perl;
