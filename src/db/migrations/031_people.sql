-- People (issue 4): the name search of the people list (src/modules/people/queries.ts,
-- searchPeople) folds letters with diacritics to their base letter, so that
-- "Ayse Yilmaz" finds "Ayşe Yılmaz" and "Muller" finds "Müller". Lower-cased
-- and folded letter by letter (translate; capitals listed too, since lower()
-- leaves non-ASCII letters alone under the C locale); immutable, so that an
-- index can use it.
create function person_search_name(name text) returns text
  language sql immutable parallel safe
  as $$ select translate(lower(name), 'äöüßşçğıéèêëáàâãåíìîïóòôõúùûñćčšžłøőűśźżńęąřýėāīūēÄÖÜŞÇĞÉÈÊËÁÀÂÃÅÍÌÎÏÓÒÔÕÚÙÛÑĆČŠŽŁØŐŰŚŹŻŃĘĄŘÝĖĀĪŪĒİ', 'aousscgieeeeaaaaaiiiioooouuunccszloouszznearyeaiueaouscgeeeeaaaaaiiiioooouuunccszloouszznearyeaiuei') $$;

-- searchPeople: trigram similarity, word similarity and substring on the folded name
create index person_search_name_trgm on person using gin (person_search_name(full_name) gin_trgm_ops);
