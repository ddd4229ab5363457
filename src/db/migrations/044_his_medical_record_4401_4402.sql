-- 4401 病案首页 and 4402 住院医嘱 of a stay are kept as the other clinical records are.
ALTER TABLE his_medical_record DROP CONSTRAINT his_medical_record_infno_check;
ALTER TABLE his_medical_record
  ADD CONSTRAINT his_medical_record_infno_check CHECK (infno IN ('4301', '4302', '4401', '4402', '4701'));
