import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Allow, Public } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { invalid } from '../../shared/results.types.js';
import { Role } from '../../shared/role.js';
import type { LegalPageView } from './legal.service.js';
import { LegalPage, LegalPageInput, LegalPageResult } from './legal.types.js';
import { LegalPageKind } from './legal-rules.js';

const pageOf = (v: LegalPageView) => Object.assign(new LegalPage(), v);

/** Impressum, Datenschutz and Barrierefreiheit: public to read, administrators write them. */
@Resolver()
export class LegalResolver {
  @Public()
  @Query(() => LegalPage, { description: 'One legal page; the sample text until the installation saves its own.' })
  async legalPage(@Ctx() ctx: Context, @Arg('kind', () => LegalPageKind) kind: LegalPageKind): Promise<LegalPage> {
    return pageOf(await ctx.services.legal.page(kind));
  }

  @Allow(Role.ADMIN)
  @Query(() => [LegalPage], { description: 'All legal pages, for their administration.' })
  async legalPages(@Ctx() ctx: Context): Promise<LegalPage[]> {
    return (await ctx.services.legal.pages()).map(pageOf);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => LegalPageResult, { description: 'Replaces a legal page’s texts; shown to citizens at once.' })
  async saveLegalPage(
    @Ctx() ctx: Context,
    @Arg('kind', () => LegalPageKind) kind: LegalPageKind,
    @Arg('input', () => LegalPageInput) input: LegalPageInput,
  ): Promise<typeof LegalPageResult> {
    const saved = await ctx.services.legal.save(kind, input);
    return saved.ok ? pageOf(saved.value) : invalid(saved.problems);
  }
}
