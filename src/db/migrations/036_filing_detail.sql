-- What a 2501 转院备案 told beside the filing (diagnosis, where to, why, who filed it), as Yibao
-- names it (domain/settlement/records.ts ReferralDetail), for 5304 转院信息查询. Null for a filing
-- recorded at the counter.
ALTER TABLE filing ADD COLUMN detail jsonb;
